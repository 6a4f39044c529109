namespace Platform.Tests.Infrastructure;

/// <summary>What every service answers on <c>{prefix}/about</c>.</summary>
public sealed record ServiceAbout(string Service, string Instance, string Version);
