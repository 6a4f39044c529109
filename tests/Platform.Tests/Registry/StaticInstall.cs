namespace Platform.Tests.Registry;

/// <summary>The three layers made by <see cref="TestTenant.CreateStaticInstallAsync"/>.</summary>
public sealed record StaticInstall(Guid DefinitionId, Guid AuthMethodId, Guid InstallId);
