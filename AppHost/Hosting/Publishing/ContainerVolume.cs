namespace Platform.Hosting;

/// <summary>A named volume, so the data outlives the container (as the local data folder does).</summary>
internal sealed record ContainerVolume(string Name, string Target);
