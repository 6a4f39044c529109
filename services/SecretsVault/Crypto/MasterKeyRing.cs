using System.Security.Cryptography;
using System.Text;

namespace Platform.SecretsVault.Crypto;

/// <summary>
/// The configured master key versions, each turned into a 256-bit key-encryption key with HKDF-SHA256. The highest
/// version wraps new data keys; older ones only unwrap until a rewrap moves their data keys on and they retire.
/// Key values never leave this type (no ToString, no logging).
/// </summary>
public sealed class MasterKeyRing
{
    public const int MinimumKeyLength = 32;

    private static readonly byte[] Salt = "platform-secrets-vault/master-key"u8.ToArray();

    private readonly Dictionary<int, byte[]> _keys;

    public MasterKeyRing(IReadOnlyDictionary<int, string> masterKeys)
    {
        ArgumentNullException.ThrowIfNull(masterKeys);
        if (masterKeys.Count == 0)
        {
            throw new ArgumentException("At least one master key version must be configured.", nameof(masterKeys));
        }
        _keys = [];
        foreach (var (version, secret) in masterKeys)
        {
            if (version < 1 || secret is null || secret.Length < MinimumKeyLength)
            {
                throw new ArgumentException(
                    $"Master key version {version} is invalid: versions start at 1 and keys have at least {MinimumKeyLength} characters.",
                    nameof(masterKeys));
            }
            _keys[version] = Derive(version, secret);
        }
        CurrentVersion = _keys.Keys.Max();
    }

    /// <summary>The version that wraps every new data key.</summary>
    public int CurrentVersion { get; }

    public IReadOnlyCollection<int> Versions => _keys.Keys;

    public bool Has(int version) => _keys.ContainsKey(version);

    internal byte[] KeyFor(int version) =>
        _keys.TryGetValue(version, out var key) ? key : throw new MasterKeyUnavailableException(version);

    private static byte[] Derive(int version, string secret)
    {
        var material = Encoding.UTF8.GetBytes(secret);
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, material, EnvelopeCipher.KeySize, Salt, Encoding.UTF8.GetBytes($"key-encryption-key/v{version}"));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }
}
