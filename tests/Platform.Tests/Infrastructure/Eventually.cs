namespace Platform.Tests.Infrastructure;

/// <summary>Waits for a condition by polling it, up to a timeout; never sleeps for a fixed time and hopes.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Polls until <paramref name="condition"/> is true; on timeout fails with <paramref name="describe"/>'s last view of things.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
                lastError = null;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or Npgsql.NpgsqlException or System.Text.Json.JsonException)
            {
                lastError = ex;
            }
            if (DateTime.UtcNow >= deadline)
            {
                var error = lastError is null ? "" : $" Last error: {lastError.GetType().Name}: {SecretRedactor.Redact(lastError.Message)}";
                throw new TimeoutException($"Not true within {timeout.TotalSeconds:0} s: {describe()}{error}");
            }
            await Task.Delay(PollInterval);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, describe);
}
