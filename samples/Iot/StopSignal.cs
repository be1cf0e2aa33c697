using System;
using System.Runtime.InteropServices;

namespace Iot;

/// <summary>Ctrl+C (SIGINT) and SIGTERM ask the sample loop to stop after its current sample, so statistics still print.</summary>
internal sealed class StopSignal : IDisposable
{
    private readonly PosixSignalRegistration? _terminate;
    private volatile bool _requested;

    public StopSignal()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        if (!OperatingSystem.IsWindows())
        {
            _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                _requested = true;
            });
        }
    }

    public bool Requested => _requested;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate?.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;  // a second Ctrl+C still ends the process at once: see below
        if (_requested)
        {
            e.Cancel = false;
        }

        _requested = true;
    }
}
