using Refinery.Cli.Commands;
using Refinery.Cli.Commands.Credentials;
using Refinery.Cli.Commands.Datasets;
using Refinery.Cli.Commands.Local;
using Refinery.Cli.Commands.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

// Piped into a file or another program, a table must not wrap ids and paths at the 80 columns assumed without a
// terminal: each row stays on one line, for grep and for people reading the log.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 400;
}

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("refinery");
    // A misspelt flag (--storge-root) must stop the command with its name, not be ignored.
    config.UseStrictParsing();
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Run the API, the job workers and the reconciler in one process on embedded defaults.");
    config.AddCommand<WorkerCommand>("worker")
        .WithDescription("Run job workers only, taking shards from the PostgreSQL queue (--db) that serve and other workers share.");
    config.AddCommand<CreateAccessKeyCommand>("access-key")
        .WithDescription("Create an AK/SK pair for SDK-HMAC-SHA256 signed requests.");
    config.AddBranch("project", project =>
    {
        project.SetDescription("Manage projects: each sees only its own tasks, datasets and results.");
        project.AddCommand<CreateProjectCommand>("create")
            .WithDescription("Create a project and print its id and a token for it (the token is shown once).");
    });
    config.AddCommand<AnalyseCommand>("analyse")
        .WithDescription("Analyse a local folder without a server: print feature summaries and quality counts, write an HTML report with histograms.");
    config.AddCommand<ValidateCommand>("validate")
        .WithDescription("Validate a local folder without a server: print what was kept, changed or removed and why, write an HTML report.");
    config.AddBranch("credentials", credentials =>
    {
        credentials.SetDescription("Make credentials in a server's data directory: tokens, AK/SK pairs and users who sign in with a password.");
        credentials.AddBranch("token", token => token.AddCommand<CreateTokenCommand>("create")
            .WithDescription("Issue a token of a project (it does not expire; shown once)."));
        credentials.AddBranch("access-key", accessKey => accessKey.AddCommand<CreateAccessKeyCommand>("create")
            .WithDescription("Create an AK/SK pair for SDK-HMAC-SHA256 signed requests (the SK is shown once)."));
        credentials.AddBranch("user", user => user.AddCommand<CreateUserCommand>("create")
            .WithDescription("Create a user who signs in with a password at POST /v3/auth/tokens for 24-hour tokens of a project."));
    });
    config.AddCommand<LoginCommand>("login")
        .WithDescription("Check an endpoint, project and token against the server and save them in ~/.refinery/config.json (owner-only).");
    config.AddBranch("tasks", tasks =>
    {
        tasks.SetDescription("Processing tasks on a server (endpoint, project and token from flags, REFINERY_* or refinery login).");
        tasks.AddCommand<TasksCreateCommand>("create").WithDescription("Create a task from a CreateProcessorTask JSON body (a file, or standard input without one).");
        tasks.AddCommand<TasksListCommand>("list").WithDescription("List the project's tasks, newest first.");
        tasks.AddCommand<TasksShowCommand>("show").WithDescription("Show one task.");
        tasks.AddCommand<TasksVersionsCommand>("versions").WithDescription("List a task's versions with their progress and counts.");
        tasks.AddCommand<TasksWaitCommand>("wait").WithDescription("Follow a version to its end with a progress bar; exit 0 if it completes, 2 if it fails, 3 if stopped.");
        tasks.AddCommand<TasksResultsCommand>("results").WithDescription("Print every per-sample result of a finished version.");
        tasks.AddCommand<TasksStopCommand>("stop").WithDescription("Stop a running version; nothing of it is published.");
        tasks.AddCommand<TasksDeleteCommand>("delete").WithDescription("Delete a task that is not running, with its versions and results.");
    });
    config.AddBranch("datasets", datasets =>
    {
        datasets.SetDescription("Datasets on a server.");
        datasets.AddCommand<DatasetsListCommand>("list").WithDescription("List the project's datasets.");
        datasets.AddCommand<DatasetsShowCommand>("show").WithDescription("Show one dataset.");
    });
});
return await app.RunAsync(args);
