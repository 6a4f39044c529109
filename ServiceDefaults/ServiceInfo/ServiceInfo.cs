namespace Platform.ServiceDefaults;

/// <summary>The body of <c>GET {prefix}/about</c>.</summary>
public sealed record ServiceInfo(string Service, string Instance, string Version);
