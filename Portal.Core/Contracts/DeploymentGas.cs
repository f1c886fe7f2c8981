using NutPortal.Core.Ethereum;

namespace NutPortal.Core.Contracts;

/// <summary>
/// Gas a deployment costs before the constructor runs: the transaction and creation base costs, the init code
/// as call data (4 gas per zero byte, 16 per other byte) and the code deposit (200 gas per deployed byte).
/// Constructor execution comes on top; the node's eth_estimateGas gives the full figure at deploy time.
/// </summary>
public static class DeploymentGas
{
    public static long Estimate(ContractArtifact artifact)
    {
        if (string.IsNullOrEmpty(artifact.Bytecode))
        {
            return 0;
        }
        var init = Hex.Decode(artifact.Bytecode);
        var deployedLength = string.IsNullOrEmpty(artifact.DeployedBytecode) ? 0 : Hex.Decode(artifact.DeployedBytecode).Length;
        var callData = init.Sum(b => b == 0 ? 4L : 16L);
        return 21_000 + 32_000 + callData + (200L * deployedLength);
    }
}
