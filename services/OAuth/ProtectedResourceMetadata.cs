namespace Platform.OAuth;

/// <summary>The parts of RFC 9728 metadata the engine uses.</summary>
public sealed record ProtectedResourceMetadata(string Resource, IReadOnlyList<string> AuthorizationServers, IReadOnlyList<string>? ScopesSupported);
