using Iot.Sensor;
using Xunit;

namespace RnnGen.Iot.Tests;

public class SensorSourceTests
{
    [Fact]
    public void A_missing_bus_is_reported_without_opening_anything()
    {
        var error = Assert.Throws<SensorUnavailableException>(() => SensorSource.Open(bus: 250, address: 0x68, sampleRateHz: 100));
        Assert.Equal("there is no I²C bus /dev/i2c-250", error.Message);
    }

    [Fact]
    public void Another_chip_is_refused_by_its_WHO_AM_I_and_closed()
    {
        var device = new FakeI2cDevice();
        device.Registers[0x75] = 0x70;  // an MPU-6500, often sold as an MPU-6050 clone
        var error = Assert.Throws<SensorUnavailableException>(() => SensorSource.Open(device, 100));
        Assert.Equal("the device at 0x68 on /dev/i2c-1 answered WHO_AM_I with 0x70, not the MPU-6050's 0x68", error.Message);
        Assert.True(device.Disposed);
    }

    [Fact]
    public void An_MPU_6050_is_configured_and_read()
    {
        var device = new FakeI2cDevice();
        device.Registers[0x75] = 0x68;
        device.Registers[0x3B + 4] = 0x40;  // az = +1 g
        using SensorSource source = SensorSource.Open(device, 100);
        var sample = new float[6];
        Assert.True(source.TryRead(sample));
        Assert.Equal([0f, 0f, 1f, 0f, 0f, 0f], sample);
        Assert.Equal(0x01, device.Registers[0x6B]);
        Assert.Equal("MPU-6050 at 0x68 on /dev/i2c-1, ±2 g, ±250 °/s", source.Description);
    }
}
