namespace Platform.Hosting;

/// <summary>What a ready callback (<see cref="DistributedApplicationBuilder.OnReady"/>) can see and say.</summary>
public sealed class ReadyContext
{
    private readonly Func<string, IReadOnlyList<string>> _urls;
    private readonly Func<string, string> _parameter;

    internal ReadyContext(string dataDirectory, Func<string, IReadOnlyList<string>> urls, Func<string, string> parameter)
    {
        DataDirectory = dataDirectory;
        _urls = urls;
        _parameter = parameter;
    }

    public string DataDirectory { get; }

    /// <summary>Lines printed under the ready table.</summary>
    public List<string> Messages { get; } = [];

    public IReadOnlyList<string> GetUrls(string resourceName) => _urls(resourceName);

    /// <summary>The run-time value of a declared parameter (generated secrets included).</summary>
    public string GetParameterValue(string parameterName) => _parameter(parameterName);
}
