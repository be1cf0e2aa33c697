using System;

namespace Iot.Sensor;

/// <summary>No usable MPU-6050: the message says what was found, Program adds what to do about it.</summary>
internal sealed class SensorUnavailableException(string message) : Exception(message);
