using System.Security.Cryptography;
using System.Text;

namespace Platform.OAuthBroker.Engine;

/// <summary>
/// Keeps a pending authorization's PKCE verifier unreadable in brokerdb: AES-GCM under a key derived (HKDF-SHA256)
/// from the state, which the database holds only as a SHA-256 hash. Whoever reads the table learns neither.
/// </summary>
public static class SealedVerifier
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] KeyInfo = "platform oauth-broker pkce verifier v1"u8.ToArray();

    public static byte[] StateHash(string state) => SHA256.HashData(Encoding.UTF8.GetBytes(state));

    public static byte[] Seal(string state, string verifier)
    {
        var plain = Encoding.UTF8.GetBytes(verifier);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(state), TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return sealedBytes;
    }

    /// <summary>Null when the bytes were not sealed under this state (tampered with, or another row).</summary>
    public static string? Open(string state, byte[] sealedBytes)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return null;
        }
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(Key(state), TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] Key(string state) => HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(state), 32, salt: [], info: KeyInfo);
}
