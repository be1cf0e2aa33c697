using System;
using System.Buffers.Binary;
using System.Device.I2c;

namespace Iot.Sensor;

/// <summary>
/// An InvenSense MPU-6050 on I²C, read as one 14-byte burst per sample (accelerometer, temperature, gyroscope), so the
/// six values come from the same sampling instant. Default full-scale ranges: ±2 g and ±250 °/s.
/// </summary>
internal sealed class Mpu6050 : IDisposable
{
    public const int DefaultAddress = 0x68;

    // Register map (MPU-6000/6050 Register Map and Descriptions, rev. 4.2).
    internal const byte SampleRateDivider = 0x19;
    internal const byte Config = 0x1A;
    internal const byte GyroConfig = 0x1B;
    internal const byte AccelConfig = 0x1C;
    internal const byte AccelXOutHigh = 0x3B;
    internal const byte PowerManagement1 = 0x6B;
    internal const byte WhoAmI = 0x75;
    internal const byte WhoAmIValue = 0x68;

    internal const int BurstLength = 14;      // ACCEL_XOUT_H .. GYRO_ZOUT_L: 3 × accel, temperature, 3 × gyro
    internal const float AccelLsbPerG = 16384f;  // AFS_SEL = 0, ±2 g
    internal const float GyroLsbPerDps = 131f;   // FS_SEL = 0, ±250 °/s

    private readonly I2cDevice _device;
    private readonly byte[] _register = [AccelXOutHigh];
    private readonly byte[] _burst = new byte[BurstLength];

    public Mpu6050(I2cDevice device) => _device = device;

    /// <summary>Reads WHO_AM_I: 0x68 for an MPU-6050 (whatever the AD0 pin sets the bus address to).</summary>
    public byte ReadWhoAmI()
    {
        Span<byte> value = stackalloc byte[1];
        _device.WriteRead([WhoAmI], value);
        return value[0];
    }

    /// <summary>Wakes the chip and sets the ranges the scaling assumes, the 44 Hz low-pass filter and the sample rate.</summary>
    public void Configure(int sampleRateHz)
    {
        WriteRegister(PowerManagement1, 0x01);          // leave sleep, clock from the X gyro's PLL (steadier than 8 MHz RC)
        WriteRegister(Config, 0x03);                    // DLPF_CFG 3: accel 44 Hz, gyro 42 Hz; gyro output rate 1 kHz
        WriteRegister(SampleRateDivider, (byte)Math.Clamp((1000 / sampleRateHz) - 1, 0, 255));
        WriteRegister(GyroConfig, 0x00);                // ±250 °/s
        WriteRegister(AccelConfig, 0x00);               // ±2 g
    }

    /// <summary>The latest sample: ax, ay, az in g, then gx, gy, gz in °/s. Allocates nothing.</summary>
    public void Read(Span<float> sample)
    {
        _device.WriteRead(_register, _burst);
        Decode(_burst, sample);
    }

    /// <summary>
    /// The 14 burst bytes as six values: each register pair is a big-endian two's-complement 16-bit count (high byte
    /// first); bytes 6-7 are the temperature and are skipped.
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> burst, Span<float> sample)
    {
        for (int axis = 0; axis < 3; axis++)
        {
            sample[axis] = BinaryPrimitives.ReadInt16BigEndian(burst[(2 * axis)..]) / AccelLsbPerG;
            sample[3 + axis] = BinaryPrimitives.ReadInt16BigEndian(burst[(8 + (2 * axis))..]) / GyroLsbPerDps;
        }
    }

    /// <summary>The die temperature in °C from a burst (datasheet: count / 340 + 36.53).</summary>
    public static float DecodeTemperature(ReadOnlySpan<byte> burst) => (BinaryPrimitives.ReadInt16BigEndian(burst[6..]) / 340f) + 36.53f;

    public void Dispose() => _device.Dispose();

    private void WriteRegister(byte register, byte value) => _device.Write([register, value]);
}
