using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost;

/// <summary>A resource the ready report waits for and lists in <c>endpoints.json</c>, with the type it is listed as.</summary>
internal sealed record ReportedResource(IResource Resource, string Type);
