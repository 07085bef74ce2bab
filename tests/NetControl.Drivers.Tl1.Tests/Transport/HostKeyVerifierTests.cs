using NetControl.Drivers.Ssh;
using NetControl.Drivers.Tl1.Transport;

namespace NetControl.Drivers.Tl1.Tests.Transport;

public sealed class HostKeyVerifierTests
{
    [Theory]
    [InlineData("SHA256:NUbCvQ+sus7B1jE2u4eFVwWbvzbfyogy/3+MC7jo12A")]
    [InlineData("sha256:NUbCvQ+sus7B1jE2u4eFVwWbvzbfyogy/3+MC7jo12A")]
    [InlineData(" NUbCvQ+sus7B1jE2u4eFVwWbvzbfyogy/3+MC7jo12A= ")]
    public void Normalize_OpenSshAndBareForms_GiveUnpaddedBase64(string fingerprint) =>
        Assert.Equal("NUbCvQ+sus7B1jE2u4eFVwWbvzbfyogy/3+MC7jo12A", HostKeyVerifier.Normalize(fingerprint));
}
