namespace Platform.OAuthProbe;

/// <summary>A failure outside the OAuth engine (the MCP session, the tool, the browser), already worded for the operator.</summary>
internal sealed class ProbeFailedException(string message) : Exception(message);
