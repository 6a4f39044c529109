using System.Text.Json;

namespace Platform.Tests.Registry;

/// <summary><c>&lt;data-dir&gt;/dev-credentials.json</c>, written by the AppHost's dev bootstrap on a fresh data folder.</summary>
public sealed record DevCredentials(DevCredentials.Entry Tenant, DevCredentials.Entry Identity, DevCredentials.Entry Agent, string AdminKey, string AgentToken)
{
    public const string FileName = "dev-credentials.json";

    public static string PathIn(string dataDirectory) => System.IO.Path.Combine(dataDirectory, FileName);

    public static DevCredentials Read(string dataDirectory) =>
        JsonSerializer.Deserialize<DevCredentials>(File.ReadAllText(PathIn(dataDirectory)), JsonSerializerOptions.Web)
        ?? throw new InvalidDataException($"{FileName} holds null.");

    /// <summary>Never prints the key or token.</summary>
    public override string ToString() => $"DevCredentials {{ Tenant = {Tenant.Id} }}";

    public sealed record Entry(Guid Id, string? Slug, string? Name);
}
