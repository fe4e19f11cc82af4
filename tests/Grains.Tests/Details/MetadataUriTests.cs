using Spin.Grains.Details;

namespace Spin.Grains.Tests.Details;

public sealed class MetadataUriTests
{
    private const string Gateway = "https://gw.example/ipfs/";

    [Theory]
    [InlineData("https://arweave.net/abc?x=1", "https://arweave.net/abc?x=1")]
    [InlineData("  http://127.0.0.1:8080/m.json ", "http://127.0.0.1:8080/m.json")]
    [InlineData("ipfs://QmYwAPJzv5CZsnAzt8auVZRn/meta.json", "https://gw.example/ipfs/QmYwAPJzv5CZsnAzt8auVZRn/meta.json")]
    [InlineData("ipfs://ipfs/QmYwAPJzv5CZsnAzt8auVZRn", "https://gw.example/ipfs/QmYwAPJzv5CZsnAzt8auVZRn")]
    [InlineData("IPFS://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "https://gw.example/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi")]
    public void ResolvesHttpAsItIsAndIpfsThroughTheGatewayKeepingTheCidsCase(string uri, string expected)
    {
        var ok = MetadataUri.TryResolve(uri, Gateway, out var target, out _);

        Assert.True(ok);
        Assert.Equal(expected, target!.AbsoluteUri);
    }

    [Fact]
    public void AppendsTheMissingSlashOfTheGateway()
    {
        MetadataUri.TryResolve("ipfs://QmAbc/1.json", "http://localhost:8080/ipfs", out var target, out _);

        Assert.Equal("http://localhost:8080/ipfs/QmAbc/1.json", target!.AbsoluteUri);
    }

    [Theory]
    [InlineData(null, "the URI is empty")]
    [InlineData("   ", "the URI is empty")]
    [InlineData("QmYwAPJzv5CZsnAzt8auVZRn", "the URI is not absolute")]
    [InlineData("ar://abcdef", "the URI scheme 'ar' is not supported")]
    [InlineData("ftp://example.com/m.json", "the URI scheme 'ftp' is not supported")]
    [InlineData("ipfs://", "the ipfs URI has no valid CID")]
    [InlineData("ipfs://ipfs/", "the ipfs URI has no valid CID")]
    [InlineData("ipfs://Qm..x/y", "the ipfs URI has no valid CID")]
    public void RejectsWhatItCannotFetchWithAReason(string? uri, string reason)
    {
        var ok = MetadataUri.TryResolve(uri, Gateway, out var target, out var why);

        Assert.False(ok);
        Assert.Null(target);
        Assert.Equal(reason, why);
    }
}
