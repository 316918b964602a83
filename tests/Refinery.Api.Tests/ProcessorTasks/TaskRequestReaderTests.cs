using System.Text.Json;
using Refinery.Api.ProcessorTasks;
using Refinery.Domain;

namespace Refinery.Api.Tests.ProcessorTasks;

public sealed class TaskRequestReaderTests
{
    [Fact]
    public void A_documented_validation_request_reads_with_string_typed_params_kept_as_sent()
    {
        var definition = Read("""
            { "name": "PRE-0001", "description": "", "create_version": true, "workspace_id": "0",
              "inputs": [ { "type": "OBS", "source": "obs://b/in" } ],
              "work_path": { "type": "OBS", "path": "obs://b/out", "version_name": "V0010" },
              "template": { "id": "sys_data_validation", "operator_params": [ { "name": "MetaValidation", "advanced_params_switch": false,
                "params": { "task_type": "image_classification", "image_max_width": "1920" } } ] } }
            """, forVersion: false);

        Assert.Equal("PRE-0001", definition.Name);
        Assert.True(definition.CreateVersion);
        Assert.False(definition.UsedDataSource);
        Assert.Equal("obs://b/in", definition.Inputs![0].Source);
        Assert.Equal("V0010", definition.WorkPath!.VersionName);
        Assert.Equal("1920", definition.Template!.OperatorParams![0].Params!["image_max_width"]!.GetValue<string>());
    }

    [Fact]
    public void A_data_source_becomes_the_single_input()
    {
        var definition = Read("""{ "name": "a", "template": { "id": "sys_data_analyse" }, "data_source": { "type": "OBS", "source": "obs://b/x" } }""", false);
        Assert.True(definition.UsedDataSource);
        Assert.Single(definition.Inputs!);
        Assert.Equal("0", definition.WorkspaceId);
    }

    [Fact]
    public void A_version_request_may_omit_template_and_inputs_to_inherit_them()
    {
        var definition = Read("""{ "name": "PRE-e77c" }""", forVersion: true);
        Assert.Null(definition.Template);
        Assert.Null(definition.Inputs);
    }

    [Fact]
    public void Json_null_counts_as_absent()
    {
        var definition = Read("""{ "name": "a", "description": null, "template": { "id": "sys_data_analyse" }, "data_source": { "type": "OBS", "source": "obs://b/x" }, "inputs": null }""", false);
        Assert.Null(definition.Description);
    }

    [Theory]
    [InlineData("""{ "name": "a", "template": { "id": 3 } }""", "template.id")]
    [InlineData("""{ "name": "a", "template": { "id": "sys_data_analyse", "operator_params": [ 1 ] }, "data_source": { "type": "OBS", "source": "x" } }""", "template.operator_params[0]")]
    [InlineData("""{ "name": "a", "template": { "id": "sys_data_analyse" }, "inputs": [] }""", "inputs")]
    [InlineData("""{ "name": "a", "template": { "id": "sys_data_analyse" }, "inputs": [ { "source": "x" } ] }""", "inputs[0].type")]
    [InlineData("""{ "name": "a", "template": { "id": "sys_data_analyse" }, "inputs": [ { "type": "OBS" } ] }""", "inputs[0].source")]
    [InlineData("""{ "name": "a", "template": { "id": "sys_data_analyse" }, "data_source": { "type": "OBS", "source": "x" }, "work_path": { "type": "NFS", "path": "x" } }""", "work_path.type")]
    [InlineData("""{ "name": "a", "template": { "id": "sys_data_analyse" }, "data_source": { "type": "OBS", "source": "x" }, "work_path": { "type": "OBS" } }""", "work_path.path")]
    public void A_bad_field_is_named_in_the_error(string body, string field)
    {
        var error = Assert.Throws<ModelArtsException>(() => Read(body, false));
        Assert.Equal("ModelArts.0101", error.ErrorCode);
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("PRE-e77c")]
    [InlineData("under_score-and-dash-0123456789012345678901234567890123456789012")]
    public void Names_of_letters_digits_underscores_and_dashes_up_to_64_are_accepted(string name) =>
        Assert.Equal(name, FieldRules.TaskName("name", name));

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("dot.name")]
    [InlineData("名字")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901234")]
    public void Other_names_are_refused(string name) =>
        Assert.Throws<ModelArtsException>(() => FieldRules.TaskName("name", name));

    [Theory]
    [InlineData('^')]
    [InlineData('!')]
    [InlineData('<')]
    [InlineData('>')]
    [InlineData('=')]
    [InlineData('&')]
    [InlineData('"')]
    [InlineData('\'')]
    public void Each_forbidden_description_character_is_refused(char forbidden) =>
        Assert.Throws<ModelArtsException>(() => FieldRules.Description("description", $"a{forbidden}b"));

    [Fact]
    public void A_description_of_257_characters_is_refused() =>
        Assert.Throws<ModelArtsException>(() => FieldRules.Description("description", new string('x', 257)));

    private static Refinery.Engine.Tasks.TaskDefinition Read(string json, bool forVersion)
    {
        using var document = JsonDocument.Parse(json);
        return TaskRequestReader.Read(document.RootElement, forVersion);
    }
}
