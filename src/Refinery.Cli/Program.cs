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
    config.AddBranch("project", project =>
    {
        project.SetDescription("Manage projects: each sees only its own tasks, datasets and results.");
        project.AddCommand<CreateProjectCommand>("create")
            .WithDescription("Create a project and print its id and a token for it (the token is shown once).");
    });
});
return await app.RunAsync(args);
