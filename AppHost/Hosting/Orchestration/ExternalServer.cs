namespace Platform.Hosting;

/// <summary>A server the deployment provides (configured connection string): only probed, never started.</summary>
internal static class ExternalServer
{
    public static async Task WaitHealthyAsync(ResourceInstanceState state, Func<CancellationToken, Task<HealthResult>> probe, CancellationToken cancellationToken)
    {
        state.SetState(ResourceStates.Starting);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var health = await probe(timeout.Token);
            state.SetHealth(health);
            if (health.Healthy)
            {
                state.SetState(ResourceStates.Running);
                return;
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                state.SetState(ResourceStates.Failed);
                throw new ResourceStartException(state.Name, $"(configured connection string) is not reachable: {health.Detail}");
            }
        }
    }
}
