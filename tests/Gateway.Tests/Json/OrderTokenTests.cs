using Spin.Gateway.Json;
using Spin.Grains.Interfaces.Mints;

namespace Spin.Gateway.Tests.Json;

/// <summary>spin-server's enrichment of an order (event_storage.rs, enrich_order_with_token_info): name and symbol from
/// the token, else from uri_data, else empty; image from uri_data, else empty; price and trade time, else zero.</summary>
public sealed class OrderTokenTests
{
    private const string Mint = "So11111111111111111111111111111111111111112";
    private const string Document = """{"name":"Doc name","symbol":"DOC","image":"https://example.com/doc.png"}""";

    [Fact]
    public void TakesNameAndSymbolFromTheTokenAndTheImageFromUriData()
    {
        var token = OrderToken.From(new MintDetails { MintAccount = Mint, Name = "Spin", Symbol = "SPIN", UriData = Document, LatestPrice = 7, LatestTradeTime = 9 });

        Assert.Equal(new OrderToken(7, 9, "Spin", "SPIN", "https://example.com/doc.png"), token);
    }

    [Fact]
    public void FallsBackToUriDataForNameAndSymbolTheTokenLacks()
    {
        var token = OrderToken.From(new MintDetails { MintAccount = Mint, UriData = Document });

        Assert.Equal(new OrderToken(0, 0, "Doc name", "DOC", "https://example.com/doc.png"), token);
    }

    [Fact]
    public void KeepsAnEmptyTokenNameAsSpinServerDoes()
    {
        var token = OrderToken.From(new MintDetails { MintAccount = Mint, Name = "", Symbol = "", UriData = Document });

        Assert.Equal(("", ""), (token.Name, token.Symbol));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""["not an object"]""")]
    [InlineData("""{"name":1,"symbol":false,"image":{"url":"x"}}""")]
    public void IsEmptyWithoutUsableUriData(string? document)
    {
        var token = OrderToken.From(new MintDetails { MintAccount = Mint, UriData = document });

        Assert.Equal(new OrderToken(0, 0, "", "", ""), token);
    }

    [Fact]
    public void IsEmptyForAMintNeverSeen()
    {
        Assert.Equal(new OrderToken(0, 0, "", "", ""), OrderToken.From(null));
    }
}
