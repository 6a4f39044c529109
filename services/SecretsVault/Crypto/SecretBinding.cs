using System.Buffers.Binary;

namespace Platform.SecretsVault.Crypto;

/// <summary>
/// What a ciphertext belongs to: tenant, secret and version. It is the associated data of both GCM layers, so a
/// ciphertext or wrapped key copied onto another row (or another version) fails to decrypt.
/// </summary>
public readonly record struct SecretBinding(Guid TenantId, Guid SecretId, int Version)
{
    private const int GuidBytes = 16;

    /// <summary>Associated data for the secret's ciphertext: label, tenant, secret, version.</summary>
    public byte[] SecretAssociatedData() => Encode("platform-vault/secret/v1"u8, masterKeyVersion: null);

    /// <summary>Associated data for the wrapped data key: also binds the master key version that wraps it.</summary>
    public byte[] DataKeyAssociatedData(int masterKeyVersion) => Encode("platform-vault/data-key/v1"u8, masterKeyVersion);

    private byte[] Encode(ReadOnlySpan<byte> label, int? masterKeyVersion)
    {
        var length = label.Length + 2 * GuidBytes + sizeof(int) + (masterKeyVersion is null ? 0 : sizeof(int));
        var data = new byte[length];
        var span = data.AsSpan();
        label.CopyTo(span);
        span = span[label.Length..];
        TenantId.TryWriteBytes(span[..GuidBytes], bigEndian: true, out _);
        SecretId.TryWriteBytes(span.Slice(GuidBytes, GuidBytes), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(span.Slice(2 * GuidBytes, sizeof(int)), Version);
        if (masterKeyVersion is { } keyVersion)
        {
            BinaryPrimitives.WriteInt32BigEndian(span.Slice(2 * GuidBytes + sizeof(int), sizeof(int)), keyVersion);
        }
        return data;
    }
}
