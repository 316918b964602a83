using System.Text;
using Refinery.Api.ProcessorTasks;
using Refinery.Domain;

namespace Refinery.Api.Tests.ProcessorTasks;

public sealed class StrictJsonScannerTests
{
    [Fact]
    public void A_well_formed_body_passes()
    {
        StrictJsonScanner.Check("""{ "a": [1, {"b": "é"}, [true, null]], "c": {"a": 1} }"""u8, 32);
    }

    [Fact]
    public void An_unexpected_character_is_named_with_its_line_and_column_counted_in_characters()
    {
        var error = Refusal("{\n  \"name\": \"été\",\n  \"x\": ,\n}"u8);

        Assert.Equal("ModelArts.4105", error.ErrorCode);
        Assert.Equal("The request body is not valid JSON: unexpected character ',' at line 3, column 8.", error.Message);
    }

    [Fact]
    public void A_body_that_breaks_off_says_it_ends_before_the_json_is_complete()
    {
        var error = Refusal("{\"name\": \"a\", \"inputs\": ["u8);

        Assert.Equal("ModelArts.4105", error.ErrorCode);
        Assert.Equal("The request body is not valid JSON: it ends at line 1, column 26 before the JSON is complete.", error.Message);
    }

    [Fact]
    public void Parser_internals_never_reach_the_message()
    {
        var error = Refusal("{\"a\": tru}"u8);

        Assert.DoesNotContain("BytePositionInLine", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1, column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused_naming_the_byte_and_where_it_is()
    {
        var body = Encoding.UTF8.GetBytes("{\"name\": \"ab").Concat(new byte[] { 0xC3, 0x28 }).Concat("\"}"u8.ToArray()).ToArray();

        var error = Refusal(body);

        Assert.Equal("ModelArts.4105", error.ErrorCode);
        Assert.Equal("The request body is not valid JSON: it is not UTF-8 text: byte 0xC3 at line 1, column 13 does not belong to a UTF-8 character.", error.Message);
    }

    [Fact]
    public void An_escape_that_is_half_a_surrogate_pair_is_refused()
    {
        var error = Refusal("""{"name": "a\ud800b"}"""u8);

        Assert.Equal("ModelArts.4105", error.ErrorCode);
        Assert.Contains("line 1, column 10", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name": "a", "name": "b"}""", "name")]
    [InlineData("""{"template": {"id": "x", "operator_params": [{"params": {"k": 1, "k": 2}}]}}""", "template.operator_params[0].params.k")]
    [InlineData("""{"inputs": [{"type": "OBS"}, {"source": "a", "type": "OBS", "type": "DATASET"}]}""", "inputs[1].type")]
    public void A_key_given_twice_in_one_object_is_0101_naming_its_path(string body, string path)
    {
        var error = Refusal(Encoding.UTF8.GetBytes(body));

        Assert.Equal("ModelArts.0101", error.ErrorCode);
        Assert.Equal($"Invalid argument '{path}': is given more than once; give each key once", error.Message);
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("1")]
    [InlineData("null")]
    public void A_body_that_is_one_bare_value_passes_the_scan(string body)
    {
        StrictJsonScanner.Check(Encoding.UTF8.GetBytes(body), 32);
    }

    [Fact]
    public void The_same_key_in_sibling_objects_is_not_a_repeat()
    {
        StrictJsonScanner.Check("""{"inputs": [{"type": "OBS"}, {"type": "OBS"}], "type": 1}"""u8, 32);
    }

    [Fact]
    public void Nesting_up_to_the_limit_passes_and_one_level_more_is_refused()
    {
        StrictJsonScanner.Check(Encoding.UTF8.GetBytes(new string('[', 32) + new string(']', 32)), 32);

        var error = Refusal(Encoding.UTF8.GetBytes(new string('[', 33) + new string(']', 33)));

        Assert.Equal("The request body is not valid JSON: it nests objects and arrays deeper than 32 levels at line 1, column 33.", error.Message);
    }

    [Fact]
    public void Very_deep_nesting_is_refused_without_exhausting_the_stack()
    {
        var error = Refusal(Encoding.UTF8.GetBytes(new string('[', 200_000)));

        Assert.Equal("ModelArts.4105", error.ErrorCode);
    }

    private static ModelArtsException Refusal(ReadOnlySpan<byte> body)
    {
        try
        {
            StrictJsonScanner.Check(body, 32);
        }
        catch (ModelArtsException error)
        {
            return error;
        }

        throw new Xunit.Sdk.XunitException("the body was accepted");
    }
}
