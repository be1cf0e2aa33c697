namespace Iot.Recordings;

/// <summary>The CSV columns shared by --record, --replay and training/train.py.</summary>
internal static class RecordingFormat
{
    public const string Header = "t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps,label";

    public static readonly string[] Columns = Header.Split(',');
}
