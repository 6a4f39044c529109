using System.Security.Cryptography;
using Platform.SecretsVault.Crypto;

namespace Platform.SecretsVault.Tests;

/// <summary>Random master keys shaped like the AppHost's (64 alphanumeric characters).</summary>
internal static class TestKeys
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewMasterKey() => RandomNumberGenerator.GetString(Alphabet, 64);

    public static MasterKeyRing Ring(params (int Version, string Key)[] keys) =>
        new(keys.ToDictionary(k => k.Version, k => k.Key));
}
