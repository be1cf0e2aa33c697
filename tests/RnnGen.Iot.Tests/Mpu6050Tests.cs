using Iot.Sensor;
using Xunit;

namespace RnnGen.Iot.Tests;

public class Mpu6050Tests
{
    // ACCEL_XOUT_H (0x3B) onward: ax, ay, az, temperature, gx, gy, gz, each big-endian (high byte first).
    private static readonly byte[] s_burst =
    [
        0x40, 0x00,  // ax = 16384  -> +1 g
        0xC0, 0x00,  // ay = -16384 -> -1 g
        0x20, 0x00,  // az = 8192   -> +0.5 g
        0xF2, 0x20,  // temperature = -3552 -> -3552 / 340 + 36.53 = 26.08 °C
        0x00, 0x83,  // gx = 131    -> +1 °/s
        0xFF, 0x7D,  // gy = -131   -> -1 °/s
        0x7F, 0xFF,  // gz = 32767  -> +250.13 °/s (full scale)
    ];

    [Fact]
    public void Decode_reads_big_endian_counts_at_16384_per_g_and_131_per_degree_per_second()
    {
        var sample = new float[6];
        Mpu6050.Decode(s_burst, sample);
        Assert.Equal([1f, -1f, 0.5f, 1f, -1f, 32767f / 131f], sample);
        Assert.Equal(26.08f, Mpu6050.DecodeTemperature(s_burst), 2);
    }

    [Fact]
    public void Decode_handles_the_extremes_of_the_range()
    {
        byte[] burst = new byte[14];
        burst[0] = 0x80;                    // ax = -32768 -> -2 g
        burst[2] = 0x7F; burst[3] = 0xFF;   // ay = 32767  -> 1.99994 g
        burst[4] = 0xFF; burst[5] = 0xFF;   // az = -1     -> -1 LSB
        burst[8] = 0x80;                    // gx = -32768 -> -250.14 °/s
        var sample = new float[6];
        Mpu6050.Decode(burst, sample);
        Assert.Equal(-2f, sample[0]);
        Assert.Equal(32767f / 16384f, sample[1]);
        Assert.Equal(-1f / 16384f, sample[2]);
        Assert.Equal(-32768f / 131f, sample[3]);
    }

    [Fact]
    public void Read_takes_one_14_byte_burst_from_ACCEL_XOUT_H()
    {
        var device = new FakeI2cDevice();
        s_burst.CopyTo(device.Registers, 0x3B);
        device.Registers[0x3B + 14] = 0x55;  // a byte past the burst must not be read
        using var imu = new Mpu6050(device);
        var sample = new float[6];
        imu.Read(sample);
        Assert.Equal([1f, -1f, 0.5f, 1f, -1f, 32767f / 131f], sample);
    }

    [Fact]
    public void WhoAmI_is_register_0x75()
    {
        var device = new FakeI2cDevice();
        device.Registers[0x75] = 0x68;
        using var imu = new Mpu6050(device);
        Assert.Equal(0x68, imu.ReadWhoAmI());
    }

    [Fact]
    public void Configure_wakes_the_chip_and_sets_the_ranges_the_scaling_assumes()
    {
        var device = new FakeI2cDevice();
        device.Registers[0x6B] = 0x40;  // the chip starts asleep
        using var imu = new Mpu6050(device);
        imu.Configure(100);
        Assert.Equal(0x01, device.Registers[0x6B]);  // awake, PLL clock
        Assert.Equal(0x00, device.Registers[0x1B]);  // ±250 °/s
        Assert.Equal(0x00, device.Registers[0x1C]);  // ±2 g
        Assert.Equal(9, device.Registers[0x19]);     // 1 kHz / (1 + 9) = 100 Hz
        Assert.Equal(0x03, device.Registers[0x1A]);  // 44 Hz low-pass
    }

    [Fact]
    public void Reading_the_sensor_allocates_nothing()
    {
        var device = new FakeI2cDevice();
        s_burst.CopyTo(device.Registers, 0x3B);
        using var imu = new Mpu6050(device);
        var sample = new float[6];
        imu.Read(sample);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            imu.Read(sample);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
