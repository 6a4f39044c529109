using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost;

/// <summary>What the ready report needs from the application model and the command line.</summary>
internal sealed record ReadySettings(string DataDirectory, Stopwatch Clock, IReadOnlyList<ReportedResource> Resources, ParameterResource OperatorKey);
