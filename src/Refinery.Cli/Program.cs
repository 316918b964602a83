using Refinery.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("refinery");
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Run the API, the job workers and the reconciler in one process on embedded defaults.");
});
return await app.RunAsync(args);
