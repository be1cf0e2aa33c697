using System;
using System.Device.I2c;
using System.Globalization;
using System.IO;

namespace Iot.Sensor;

/// <summary>Samples from an MPU-6050 on a Linux I²C bus (/dev/i2c-N).</summary>
internal sealed class SensorSource : ISampleSource
{
    private readonly Mpu6050 _imu;

    private SensorSource(Mpu6050 imu, string description)
    {
        _imu = imu;
        Description = description;
    }

    public string Description { get; }

    /// <summary>Opens and configures the sensor, or throws <see cref="SensorUnavailableException"/> saying why not.</summary>
    public static SensorSource Open(int bus, int address, int sampleRateHz)
    {
        string busPath = $"/dev/i2c-{bus}";
        if (!File.Exists(busPath))
        {
            throw new SensorUnavailableException($"there is no I²C bus {busPath}");
        }

        I2cDevice device;
        try
        {
            device = I2cDevice.Create(new I2cConnectionSettings(bus, address));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or PlatformNotSupportedException)
        {
            throw new SensorUnavailableException($"{busPath} could not be opened ({e.Message})");
        }

        return Open(device, sampleRateHz);
    }

    /// <summary>Checks WHO_AM_I and configures the chip on an opened device (disposed if it is not an MPU-6050).</summary>
    public static SensorSource Open(I2cDevice device, int sampleRateHz)
    {
        string busPath = $"/dev/i2c-{device.ConnectionSettings.BusId}";
        int address = device.ConnectionSettings.DeviceAddress;
        var imu = new Mpu6050(device);
        try
        {
            byte whoAmI = imu.ReadWhoAmI();
            if (whoAmI != Mpu6050.WhoAmIValue)
            {
                throw new SensorUnavailableException(string.Create(CultureInfo.InvariantCulture,
                    $"the device at 0x{address:X2} on {busPath} answered WHO_AM_I with 0x{whoAmI:X2}, not the MPU-6050's 0x68"));
            }

            imu.Configure(sampleRateHz);
        }
        catch (IOException e)
        {
            imu.Dispose();
            throw new SensorUnavailableException(string.Create(CultureInfo.InvariantCulture,
                $"no device answered at 0x{address:X2} on {busPath} ({e.Message})"));
        }
        catch (SensorUnavailableException)
        {
            imu.Dispose();
            throw;
        }

        return new SensorSource(imu, string.Create(CultureInfo.InvariantCulture, $"MPU-6050 at 0x{address:X2} on {busPath}, ±2 g, ±250 °/s"));
    }

    public bool TryRead(Span<float> sample)
    {
        _imu.Read(sample);
        return true;
    }

    public void Dispose() => _imu.Dispose();
}
