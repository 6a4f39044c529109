namespace Platform.OAuthBroker.Faults;

/// <summary>
/// Section <c>OAuthBroker:CrashPoints</c>. <see cref="Enabled"/> lets a test arm <see cref="CrashPoints"/>; it is
/// refused outside the Development environment, so a deployment can never be told to kill its own broker.
/// </summary>
public sealed class CrashPointOptions
{
    public const string SectionName = "OAuthBroker:CrashPoints";

    public bool Enabled { get; set; }
}
