using System.Net;
using Spin.Grains.Details;

namespace Spin.Grains.Tests.Details;

public sealed class MetadataHttpHandlerTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    public void TellsPublicAddressesFromTheSilosOwnNetworks(string address, bool isPublic)
    {
        Assert.Equal(isPublic, MetadataHttpHandler.IsPublic(IPAddress.Parse(address)));
    }
}
