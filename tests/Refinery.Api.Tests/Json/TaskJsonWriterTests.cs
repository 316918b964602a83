using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Refinery.Api.Json;
using Refinery.Api.OpenApi.Schemas;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Engine;
using Refinery.Engine.Tasks;

namespace Refinery.Api.Tests.Json;

public sealed class TaskJsonWriterTests
{
    private static readonly Dictionary<string, Func<ProcessorTaskRecord>> _cases = new()
    {
        ["a bare task: no description, version or work path, never run"] = () => Task(),
        ["a described task with a dataset version and work path"] = () => Task(record =>
        {
            record.Description = "nightly <check> & \"quotes\" 'single' é 漢字 😀 +";
            record.DatasetVersionId = "v1aBc";
            record.DatasetVersionName = "V003";
            record.WorkPathJson = TaskJson.Write(new WorkPath("OBS", "/imgs/out/", VersionName: "V001"));
        }),
        ["a failed task shows its error"] = () => Task(record =>
        {
            record.Status = (int)VersionStatus.Failed;
            record.ErrorMsg = "Shard 3 failed: object \"a.jpg\" is <missing>";
        }),
        ["an error is hidden unless the task failed"] = () => Task(record =>
        {
            record.Status = (int)VersionStatus.Stopped;
            record.ErrorMsg = "left over";
        }),
        ["a completed task with an analysis result"] = () => Task(record =>
        {
            record.Status = (int)VersionStatus.Completed;
            record.ResultJson = Result();
        }),
        ["a result is hidden unless the task completed"] = () => Task(record =>
        {
            record.Status = (int)VersionStatus.Running;
            record.ResultJson = Result();
        }),
        ["a completed task without a result"] = () => Task(record => record.Status = (int)VersionStatus.Completed),
        ["several inputs: data_source is the first"] = () => Task(record => record.InputsJson = TaskJson.Write(
            [new ProcessorDataSource("OBS", "/imgs/a/"), new ProcessorDataSource("DATASET", "ds1", "v2", "V002", "name é")])),
        ["no inputs: no data_source"] = () => Task(record => record.InputsJson = "[]"),
        ["JSON null columns read as absent"] = () => Task(record =>
        {
            record.InputsJson = "null";
            record.TemplateJson = "null";
            record.WorkPathJson = "null";
            record.Status = (int)VersionStatus.Completed;
            record.ResultJson = "null";
        }),
        ["an empty template"] = () => Task(record => record.TemplateJson = TaskJson.Write(new TemplateParam())),
    };

    public static TheoryData<string, bool, bool> Cases()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var name in _cases.Keys)
        {
            foreach (var includeResult in new[] { true, false })
            {
                foreach (var isCurrent in new[] { true, false })
                {
                    data.Add(name, includeResult, isCurrent);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_task_is_written_byte_for_byte_as_the_serialiser_wrote_it(string name, bool includeResult, bool isCurrent)
    {
        var view = new TaskView(_cases[name](), isCurrent);

        var expected = JsonSerializer.Serialize(ReferenceTask.From(view, includeResult), ReferenceJsonContext.Wire.TaskObject);

        Assert.Equal(expected, Written(writer => TaskJsonWriter.Write(writer, view, includeResult)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_task_list_is_written_byte_for_byte_as_the_serialiser_wrote_it(bool includeResult)
    {
        var page = _cases.Values.Select((make, index) => new TaskView(make(), index % 2 == 0)).ToList();

        var expected = JsonSerializer.Serialize(
            new TaskListObject(42, [.. page.Select(view => ReferenceTask.From(view, includeResult))]), ReferenceJsonContext.Wire.TaskListObject);

        Assert.Equal(expected, Written(writer => TaskJsonWriter.WriteList(writer, 42, page, includeResult)));
    }

    [Fact]
    public void An_empty_task_list_is_written_byte_for_byte_as_the_serialiser_wrote_it()
    {
        var expected = JsonSerializer.Serialize(new TaskListObject(0, []), ReferenceJsonContext.Wire.TaskListObject);

        Assert.Equal(expected, Written(writer => TaskJsonWriter.WriteList(writer, 0, [], includeResult: true)));
    }

    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ProcessorTaskRecord Task(Action<ProcessorTaskRecord>? change = null)
    {
        var template = new TemplateParam(TemplateIds.Analyse, "数据特征分析", [new OperatorParam(
            TemplateIds.Analyse,
            "analyse <all>",
            AdvancedParamsSwitch: false,
            new JsonObject { ["do_validation"] = true, ["threshold"] = 0.25, ["labels"] = new JsonArray("cat", "dög", "a+b"), ["nested"] = new JsonObject { ["x"] = null } })]);
        var record = new ProcessorTaskRecord
        {
            TaskId = "T1aBcDeFgHiJkLmNoPq",
            ProjectId = "p1",
            WorkspaceId = "0",
            Name = "task-ä-1",
            TemplateId = TemplateIds.Analyse,
            TemplateJson = TaskJson.Write(template),
            InputsJson = TaskJson.Write([new ProcessorDataSource("OBS", "/imgs/in/")]),
            InputKey = "OBS:/imgs/in/",
            SourceType = "OBS",
            Source = "/imgs/in/",
            CreateTime = 1_764_000_000_123,
            VersionCount = 2,
            Status = (int)VersionStatus.Initialized,
            DurationSeconds = 17,
        };
        change?.Invoke(record);
        return record;
    }

    // Built and written the way the reducer writes a result: a JsonNode tree, ToJsonString with the wire options.
    private static string Result() => new JsonObject
    {
        ["total_sample_count"] = 120,
        ["ratio"] = 0.1 + 0.2,
        ["labels"] = new JsonArray(new JsonObject { ["name"] = "cat <1>", ["count"] = 3 }, new JsonObject { ["name"] = "狗", ["count"] = 1.5e-7 }),
        ["empty"] = new JsonArray(),
        ["missing"] = null,
    }.ToJsonString(WireJson.NodeOptions);
}
