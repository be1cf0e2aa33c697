using System.Device.I2c;

namespace RnnGen.Iot.Tests;

/// <summary>An I²C device backed by a 128-byte register file: a write sets the register pointer (and data after it),
/// a read returns bytes from the pointer on, as the MPU-6050 auto-increments.</summary>
internal sealed class FakeI2cDevice : I2cDevice
{
    public byte[] Registers { get; } = new byte[128];

    public List<byte[]> Writes { get; } = [];

    public bool Disposed { get; private set; }

    private int _pointer;

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x68);

    public override byte ReadByte() => Registers[_pointer++];

    public override void Read(Span<byte> buffer)
    {
        Registers.AsSpan(_pointer, buffer.Length).CopyTo(buffer);
        _pointer += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Writes.Add(buffer.ToArray());
        _pointer = buffer[0];
        buffer[1..].CopyTo(Registers.AsSpan(_pointer));
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        _pointer = writeBuffer[0];
        Read(readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
