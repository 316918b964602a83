using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Refinery.Domain;
using Refinery.Engine.Tasks;

namespace Refinery.Api.Json;

/// <summary>A task or a page of tasks written by <see cref="TaskJsonWriter"/> straight into the response body.</summary>
public sealed class TaskJsonResult : IResult
{
    private const string ContentType = "application/json; charset=utf-8";

    private readonly TaskView? _task;
    private readonly IReadOnlyList<TaskView>? _page;
    private readonly int _count;
    private readonly bool _includeResult;

    private TaskJsonResult(TaskView? task, IReadOnlyList<TaskView>? page, int count, bool includeResult)
    {
        _task = task;
        _page = page;
        _count = count;
        _includeResult = includeResult;
    }

    /// <summary>DescribeProcessorTask: one task, with its result.</summary>
    public static TaskJsonResult One(TaskView task) => new(task, page: null, count: 0, includeResult: true);

    /// <summary>ListProcessorTasks: the total that match and one page.</summary>
    public static TaskJsonResult List(int count, IReadOnlyList<TaskView> page, bool includeResult) => new(task: null, page, count, includeResult);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = ContentType;
        // The writer only fills the body pipe's buffers; the one flush below sends them.
        using (var writer = new Utf8JsonWriter(response.BodyWriter, WireJson.WriterOptions))
        {
            if (_task is not null)
            {
                TaskJsonWriter.Write(writer, _task, _includeResult);
            }
            else
            {
                TaskJsonWriter.WriteList(writer, _count, _page!, _includeResult);
            }

            writer.Flush();
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
