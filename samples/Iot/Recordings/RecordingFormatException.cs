using System;

namespace Iot.Recordings;

/// <summary>A recording that cannot be replayed; the message names the file and line.</summary>
internal sealed class RecordingFormatException(string message) : Exception(message);
