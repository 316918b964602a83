using Refinery.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("refinery");
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Run the API, the job workers and the reconciler in one process on embedded defaults.");
    config.AddCommand<CreateAccessKeyCommand>("access-key")
        .WithDescription("Create an AK/SK pair for SDK-HMAC-SHA256 signed requests.");
});
return await app.RunAsync(args);
