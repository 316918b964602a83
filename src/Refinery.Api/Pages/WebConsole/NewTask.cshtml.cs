using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Refinery.Api.ProcessorTasks;
using Refinery.Api.WebConsole;
using Refinery.Domain;
using Refinery.Engine.Tasks;
using Refinery.Operators.Pipeline;

namespace Refinery.Api.Pages.WebConsole;

/// <summary>Creates a task from a form: any template the operator registry runs, over a folder or manifest in a bucket.</summary>
public sealed class NewTaskModel(ProcessorTaskService service, OperatorRegistry registry) : ConsolePageModel
{
    [BindProperty(Name = "template")]
    public string TemplateId { get; set; } = TemplateIds.Analyse;

    [BindProperty(Name = "name")]
    public string Name { get; set; } = "";

    [BindProperty(Name = "source")]
    public string Source { get; set; } = "";

    [BindProperty(Name = "work_path")]
    public string? WorkPath { get; set; }

    [BindProperty(Name = "task_type")]
    public string? TaskType { get; set; }

    public string? Error { get; private set; }

    public IEnumerable<string> Templates => registry.Templates.Select(template => template.Id);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var taskId = await new FolderTaskRequest(TemplateId, Name.Trim(), Source.Trim(), WorkPath, TaskType)
                .CreateAsync(service, registry, ProjectId, cancellationToken);
            return Redirect(ConsoleRoutes.Task(taskId));
        }
        catch (ModelArtsException error)
        {
            Error = $"{error.ErrorCode}: {error.Message}";
            Response.StatusCode = error.HttpStatus == StatusCodes.Status500InternalServerError ? StatusCodes.Status400BadRequest : error.HttpStatus;
            return Page();
        }
    }
}
