using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using Platform.Redaction;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Hides the caller's credential wherever an upstream sends it back: in results, listings and error texts (an API
/// that quotes the key it was given in its error message, say). Applied before anything an upstream said reaches
/// the agent, the audit or a log; each value becomes the same <c>[REDACTED:…]</c> marker the audit uses.
/// </summary>
public sealed class CredentialEchoes(SecretRedactor redactor)
{
    public string Scrub(string text, UpstreamCredential credential)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(credential);
        return credential.SecretValues.Count == 0 ? text : redactor.RedactKnown(text, credential.SecretValues);
    }

    /// <summary>The answer itself when it quotes no credential value, otherwise a copy with every quote hidden.</summary>
    public T Scrub<T>(T answer, UpstreamCredential credential) where T : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(credential);
        if (credential.SecretValues.Count == 0)
        {
            return answer;
        }
        var typeInfo = McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T));
        var node = JsonSerializer.SerializeToNode(answer, typeInfo);
        if (node is null || !ScrubStrings(node, credential.SecretValues))
        {
            return answer;
        }
        return (T)(node.Deserialize(typeInfo) ?? answer);
    }

    // Values and property names alike: structured content may use anything as a key.
    private bool ScrubStrings(JsonNode node, IReadOnlyList<string> secrets)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    var scrubbedName = redactor.RedactKnown(name, secrets);
                    var replacement = ScrubChild(child, secrets, ref changed);
                    if (scrubbedName != name)
                    {
                        obj.Remove(name);
                        obj[scrubbedName] = replacement;
                        changed = true;
                    }
                    else if (!ReferenceEquals(replacement, child))
                    {
                        obj[name] = replacement;
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    var replacement = ScrubChild(child, secrets, ref changed);
                    if (!ReferenceEquals(replacement, child))
                    {
                        array[i] = replacement;
                    }
                }
                break;
        }
        return changed;
    }

    /// <summary>A replacement node for a string that quotes a secret; the same node otherwise (containers scrubbed in place).</summary>
    private JsonNode? ScrubChild(JsonNode? child, IReadOnlyList<string> secrets, ref bool changed)
    {
        if (child is JsonValue value && value.TryGetValue<string>(out var text))
        {
            var scrubbed = redactor.RedactKnown(text, secrets);
            if (scrubbed != text)
            {
                changed = true;
                return JsonValue.Create(scrubbed);
            }
            return child;
        }
        if (child is not null)
        {
            changed |= ScrubStrings(child, secrets);
        }
        return child;
    }
}
