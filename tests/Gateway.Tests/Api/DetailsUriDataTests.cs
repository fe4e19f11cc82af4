using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spin.Chain.Binary;
using Spin.Gateway.Tests.Infrastructure;
using Spin.Grains.Details;
using Spin.Grains.Interfaces.Events;
using Spin.Grains.Interfaces.Mints;
using Spin.Grains.Storage;

namespace Spin.Gateway.Tests.Api;

public sealed class DetailsUriDataTests(UriDataFixture fixture) : IClassFixture<UriDataFixture>
{
    private const string Metadata = """{"name":"Spin 🚀","image":"https://example.com/spin.png","attributes":[{"trait":"x","value":1}]}""";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private IGrainFactory Grains => fixture.Gateway.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task FetchesAnHttpUriAndServesTheJsonRawInDetailsUriDataRaw()
    {
        var mint = NewKey();
        var route = fixture.Server.Serve($"/meta/{mint}.json", MetadataResponse.Json(Metadata));

        await CreateTokenAsync(mint, $"{fixture.Server.BaseUrl}/meta/{mint}.json");
        var uriData = await UriDataArrivesAsync(mint);

        Assert.Equal(JsonValueKind.Object, uriData.GetValueKind());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Metadata), uriData));
        Assert.Equal(1, route.Requests);
    }

    [Theory]
    [InlineData("ipfs://{0}/meta.json", "/ipfs/{0}/meta.json")]
    [InlineData("ipfs://ipfs/{0}", "/ipfs/{0}")]
    public async Task FetchesIpfsUrisThroughTheConfiguredGateway(string uri, string path)
    {
        var mint = NewKey();
        var cid = "Qm" + NewKey();
        var route = fixture.Server.Serve(string.Format(path, cid), MetadataResponse.Json("""[{"cid":true}]"""));

        await CreateTokenAsync(mint, string.Format(uri, cid));
        var uriData = await UriDataArrivesAsync(mint);

        Assert.Equal("""[{"cid":true}]""", uriData.ToJsonString());
        Assert.Equal(1, route.Requests);
    }

    [Fact]
    public async Task RetriesServerErrorsUntilTheDataArrives()
    {
        var mint = NewKey();
        var route = fixture.Server.Serve($"/retry/{mint}", MetadataResponse.Error(503), MetadataResponse.Error(503), MetadataResponse.Json(Metadata));

        await CreateTokenAsync(mint, $"{fixture.Server.BaseUrl}/retry/{mint}");
        var uriData = await UriDataArrivesAsync(mint);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Metadata), uriData));
        Assert.Equal(3, route.Requests);
        Assert.Equal(2, Progress(mint).Attempts);
    }

    [Fact]
    public async Task GivesUpAfterMaxAttemptsOfServerErrors()
    {
        var mint = NewKey();
        var route = fixture.Server.Serve($"/down/{mint}", MetadataResponse.Error(503));

        await CreateTokenAsync(mint, $"{fixture.Server.BaseUrl}/down/{mint}");
        var progress = await GivenUpAsync(mint);

        Assert.Equal("HTTP 503", progress.Failure);
        Assert.Equal(UriDataFixture.MaxAttempts, progress.Attempts);
        Assert.Equal(UriDataFixture.MaxAttempts, route.Requests);
        Assert.Null(await UriDataFromApiAsync(mint));
    }

    [Theory]
    [InlineData("html", "the body is not JSON")]
    [InlineData("scalar", "the body is a JSON String, not an object or array")]
    [InlineData("oversized", "the body is larger than 1024 bytes")]
    [InlineData("oversized-chunked", "the body is larger than 1024 bytes")]
    [InlineData("not-found", "HTTP 404")]
    public async Task GivesUpAtOnceOnAPermanentFailure(string kind, string failure)
    {
        var mint = NewKey();
        var big = "[" + string.Join(",", Enumerable.Repeat("1", UriDataFixture.MaxBytes)) + "]";
        var response = kind switch
        {
            "html" => new MetadataResponse(200, "<html>not json</html>", "text/html"),
            "scalar" => MetadataResponse.Json("\"just a string\""),
            "oversized" => MetadataResponse.Json(big),
            "oversized-chunked" => MetadataResponse.Json(big) with { Chunked = true },
            _ => MetadataResponse.Error(404),
        };
        var route = fixture.Server.Serve($"/bad/{mint}", response);

        await CreateTokenAsync(mint, $"{fixture.Server.BaseUrl}/bad/{mint}");
        var progress = await GivenUpAsync(mint);

        Assert.Equal(failure, progress.Failure);
        Assert.Equal(1, progress.Attempts);
        Assert.Equal(1, route.Requests);
        Assert.Null(await UriDataFromApiAsync(mint));
    }

    [Fact]
    public async Task GivesUpAtOnceOnAnUnsupportedUriWithoutAnyRequest()
    {
        var mint = NewKey();

        await CreateTokenAsync(mint, "ar://not-fetched");
        var progress = await GivenUpAsync(mint);

        Assert.Equal("the URI scheme 'ar' is not supported", progress.Failure);
        Assert.Null(await UriDataFromApiAsync(mint));
    }

    [Fact]
    public async Task KeepsTheStoredDataAcrossReactivationWithoutFetchingAgain()
    {
        var mint = NewKey();
        var route = fixture.Server.Serve($"/keep/{mint}", MetadataResponse.Json(Metadata));
        await CreateTokenAsync(mint, $"{fixture.Server.BaseUrl}/keep/{mint}");
        await UriDataArrivesAsync(mint);
        var management = Grains.GetGrain<IManagementGrain>(0);
        var grain = Grains.GetGrain<IMintGrain>(mint);

        await management.DeactivateGrain(grain.GetGrainId());
        var details = await grain.GetDetails();
        // Waits out anything the new activation started, so that a refetch would have been counted.
        await management.DeactivateGrain(grain.GetGrainId());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Metadata), JsonNode.Parse(details!.UriData!)));
        Assert.Equal(1, route.Requests);
    }

    [Fact]
    public async Task ResumesAnUnfinishedFetchWhenTheGrainIsActivatedAgain()
    {
        var mint = NewKey();
        var release = new TaskCompletionSource();
        var route = fixture.Server.Serve($"/resume/{mint}", MetadataResponse.Error(503) with { Hold = release.Task }, MetadataResponse.Json(Metadata));
        await CreateTokenAsync(mint, $"{fixture.Server.BaseUrl}/resume/{mint}");
        await route.FirstRequest.WaitAsync(Deadline);

        await Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(Grains.GetGrain<IMintGrain>(mint).GetGrainId());
        release.SetResult();
        var uriData = await UriDataArrivesAsync(mint);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Metadata), uriData));
        Assert.Equal(2, route.Requests);
    }

    [Fact]
    public async Task RefusesPrivateAddressesUnlessAllowedButAlwaysReachesTheIpfsGateway()
    {
        var cid = "Qm" + NewKey();
        var direct = fixture.Server.Serve($"/private/{cid}", MetadataResponse.Json(Metadata));
        var viaGateway = fixture.Server.Serve($"/ipfs/{cid}", MetadataResponse.Json(Metadata));
        var options = new MetadataOptions { IpfsGateway = $"{fixture.Server.BaseUrl}/ipfs/" };
        using var http = new HttpClient(MetadataHttpHandler.Create(options));
        var fetcher = new MetadataFetcher(http, Options.Create(options));

        var refused = await fetcher.Fetch($"{fixture.Server.BaseUrl.Replace("127.0.0.1", "localhost")}/private/{cid}", CancellationToken.None);
        var fetched = await fetcher.Fetch($"ipfs://{cid}", CancellationToken.None);

        Assert.Equal(MetadataFetchResult.Permanent("localhost resolves to no public address"), refused);
        Assert.Equal(0, direct.Requests);
        Assert.Equal(MetadataFetchResult.Success(Metadata), fetched);
        Assert.Equal(1, viaGateway.Requests);
    }

    private static string NewKey() => PublicKey.ToBase58(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());

    private async Task CreateTokenAsync(string mint, string uri)
    {
        var created = new TokenCreatedEvent(NewKey(), mint, NewKey(), NewKey(), NewKey(), NewKey(), NewKey(), NewKey(), 100, 200, 0, "Spin", "SPIN", uri);
        await Grains.GetGrain<IMintGrain>(mint).Apply([new ChainEvent(new EventId(NewKey() + NewKey(), 0), 1, 1_767_225_600, created)]);
    }

    // The document as fetched (uri_data_raw); uri_data itself, spin-server's fixed shape, is UriDataShapeTests' subject.
    private async Task<JsonNode?> UriDataFromApiAsync(string mint)
    {
        using var response = await fixture.Gateway.CreateClient().PostAsJsonAsync("/api/details", new { mints = new[] { mint } });
        var details = (await response.Content.ReadFromJsonAsync<JsonObject>())!["data"]!["details"]![0]!.AsObject();
        Assert.True(details.ContainsKey("uri_data") && details.ContainsKey("uri_data_raw"));
        return details["uri_data_raw"];
    }

    private async Task<JsonNode> UriDataArrivesAsync(string mint)
    {
        JsonNode? uriData = null;
        await Eventually.HoldsAsync(async () =>
        {
            uriData = await UriDataFromApiAsync(mint);
            return (uriData is not null, uriData?.ToJsonString() ?? "null");
        }, Deadline, $"uri_data of {mint}");
        return uriData!;
    }

    private async Task<UriDataBook> GivenUpAsync(string mint)
    {
        var progress = Progress(mint);
        await Eventually.HoldsAsync(() =>
        {
            progress = Progress(mint);
            return Task.FromResult((progress.Failure is not null, $"{progress.Attempts} failed attempts"));
        }, Deadline, $"the fetch of {mint} to be given up");
        return progress;
    }

    private UriDataBook Progress(string mint)
    {
        var book = new UriDataBook(fixture.Gateway.Services.GetRequiredService<RocksStore>(), PublicKey.Parse(mint));
        book.Load();
        return book;
    }
}
