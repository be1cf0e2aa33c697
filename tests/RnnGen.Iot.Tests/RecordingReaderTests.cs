using Iot.Recordings;
using Xunit;

namespace RnnGen.Iot.Tests;

public class RecordingReaderTests
{
    private const string Header = "t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps,label\n";

    private static Recording Parse(string text) => RecordingReader.Parse(new StringReader(text), "test.csv");

    [Fact]
    public void Rows_become_six_values_and_a_label()
    {
        Recording recording = Parse(Header + "0.00,0.1,-0.2,0.98,1.5,-2.5,3.25,shake\n0.01,0,0,1,0,0,0,unknown\n0.02,0,0,1,0,0,0,\n0.03,0,0,1,0,0,0\n");
        Assert.Equal(4, recording.Count);
        Assert.Equal([0.1f, -0.2f, 0.98f, 1.5f, -2.5f, 3.25f], recording.Samples[..6]);
        Assert.Equal([(sbyte)1, -1, -1, -1], recording.Labels);
    }

    [Theory]
    [InlineData("0.00,0.1,abc,0.98,1.5,-2.5,3.25,idle", "test.csv line 3: 'abc' in column ay_g is not a finite number")]
    [InlineData("0.00,0.1,0.2,0.98,1.5,-2.5,idle", "test.csv line 3: 'idle' in column gz_dps is not a finite number")]
    [InlineData("0.00,0.1,0.2", "test.csv line 3: 3 columns, expected 7 or 8")]
    [InlineData("0.00,0.1,0.2,0.98,1.5,-2.5,NaN,idle", "test.csv line 3: 'NaN' in column gz_dps is not a finite number")]
    [InlineData("0.00,0.1,0.2,0.98,1.5,-2.5,3.25,wave", "test.csv line 3: unknown label 'wave'")]
    public void A_bad_line_is_refused_with_its_line_number(string badLine, string expected)
    {
        var error = Assert.Throws<RecordingFormatException>(() => Parse(Header + "0.00,0,0,1,0,0,0,idle\n" + badLine + "\n"));
        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void A_file_without_the_header_is_refused()
    {
        var error = Assert.Throws<RecordingFormatException>(() => Parse("0.00,0,0,1,0,0,0,idle\n"));
        Assert.StartsWith("test.csv line 1: expected the header", error.Message);
    }

    [Fact]
    public void What_the_recorder_writes_reads_back()
    {
        var bytes = new MemoryStream();
        using (var writer = new RecordingWriter(bytes, 100, "circle"))
        {
            writer.Write([0.5f, -1.25f, 0.999939f, 250.1298f, -0.0076f, 12f]);
            writer.Write([0f, 0f, 1f, 0f, 0f, 0f]);
        }

        string text = System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        Recording recording = Parse(text);
        Assert.Equal(2, recording.Count);
        Assert.Equal([0.5f, -1.25f, 0.999939f, 250.1298f, -0.0076f, 12f], recording.Samples[..6]);
        Assert.Equal([(sbyte)4, 4], recording.Labels);
        Assert.StartsWith(Header + "0.00,0.500000,", text);
    }

    [Fact]
    public void Recording_to_a_file_allocates_nothing_per_row()
    {
        string path = Path.GetTempFileName();
        try
        {
            using var writer = new RecordingWriter(File.Create(path), 100, "unknown");
            float[] sample = [0.1f, -0.2f, 1f, 3f, -4f, 250f];
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++)  // past many 4 KB buffer flushes
            {
                writer.Write(sample);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_committed_recording_loads()
    {
        Recording recording = RecordingReader.Load(Path.Combine(AppContext.BaseDirectory, "Recordings", "short-session.csv"));
        Assert.True(recording.Count >= 3000, $"{recording.Count} samples");  // 30 s at 100 Hz, to the end of the last gesture
        Assert.DoesNotContain((sbyte)-1, recording.Labels);
    }
}
