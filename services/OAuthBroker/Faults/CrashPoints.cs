using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.OAuthBroker.Faults;

/// <summary>
/// Named places in the broker's durable sequences where a crash test can have this very process killed (SIGKILL,
/// nothing flushed, nothing disposed), to prove that a broker dying there strands nothing. A point fires once, in the
/// process it was armed in (<see cref="Apis.CrashPointsApi"/>), and only when <see cref="CrashPointOptions.Enabled"/>;
/// otherwise <see cref="Reached"/> does nothing.
/// </summary>
public sealed partial class CrashPoints(ILogger<CrashPoints> logger)
{
    /// <summary>The authorization server answered a refresh; nothing of the answer is stored yet (the one window left).</summary>
    public const string TokensReceived = "tokens-received";

    /// <summary>A refresh's rotated refresh token is in the vault; the access token and the row are not yet.</summary>
    public const string RefreshTokenStored = "refresh-token-stored";

    /// <summary>A refresh's tokens are both in the vault; the row (the new token's digest, times) is not yet.</summary>
    public const string AccessTokenStored = "access-token-stored";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal) { TokensReceived, RefreshTokenStored, AccessTokenStored };

    private readonly ConcurrentDictionary<string, bool> _armed = new(StringComparer.Ordinal);

    public void Arm(string name) => _armed[name] = true;

    public void Reached(string name)
    {
        if (_armed.IsEmpty || !_armed.TryRemove(name, out _))
        {
            return;
        }
        LogKilling(logger, name);
        Process.GetCurrentProcess().Kill();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Crash point {Name} reached: killing this broker process, as the crash test armed it")]
    private static partial void LogKilling(ILogger logger, string name);
}
