using Platform.OAuthProbe;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await new ProbeRunner(Console.Out, Console.Error).RunAsync(args, stop.Token);
