namespace Northstar.Server.Startup;

/// <summary>
/// A step that runs in the host's "starting" phase, which completes before any hosted service starts (the web server
/// included), in registration order; a step that throws stops the start. The other lifecycle events do nothing.
/// </summary>
internal abstract class StartingPhaseStep : IHostedLifecycleService
{
    public abstract Task StartingAsync(CancellationToken cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
