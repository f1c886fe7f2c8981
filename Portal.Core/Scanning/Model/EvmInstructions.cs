namespace NutPortal.Core.Scanning.Model;

/// <summary>
/// Splits runtime bytecode into instructions, named by family (PUSH1..PUSH32 are all "PUSH", DUPn "DUP", ...):
/// the model looks at what the code does, not at which stack slot or constant width the compiler picked.
/// </summary>
public static class EvmInstructions
{
    private static readonly string[] Names = BuildNames();

    /// <summary>Instruction names in code order; push data is skipped, unknown bytes read as "INVALID".</summary>
    public static IReadOnlyList<string> Decode(string hex)
    {
        var code = Convert.FromHexString(hex.Length % 2 == 0 && IsHex(hex) ? hex : "");
        var result = new List<string>(code.Length / 2);
        for (var pc = 0; pc < code.Length; pc++)
        {
            var op = code[pc];
            result.Add(Names[op]);
            if (op is >= 0x60 and <= 0x7f)
            {
                pc += op - 0x5f;
            }
        }
        return result;
    }

    // Library placeholders (__$...$__) make unlinked bytecode non-hex; such code is not decoded.
    private static bool IsHex(string s) => s.All(Uri.IsHexDigit);

    private static string[] BuildNames()
    {
        var names = Enumerable.Repeat("INVALID", 256).ToArray();
        string[] low =
        [
            "STOP", "ADD", "MUL", "SUB", "DIV", "SDIV", "MOD", "SMOD", "ADDMOD", "MULMOD", "EXP", "SIGNEXTEND", "", "", "", "",
            "LT", "GT", "SLT", "SGT", "EQ", "ISZERO", "AND", "OR", "XOR", "NOT", "BYTE", "SHL", "SHR", "SAR", "", "",
            "SHA3", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
            "ADDRESS", "BALANCE", "ORIGIN", "CALLER", "CALLVALUE", "CALLDATALOAD", "CALLDATASIZE", "CALLDATACOPY", "CODESIZE", "CODECOPY",
            "GASPRICE", "EXTCODESIZE", "EXTCODECOPY", "RETURNDATASIZE", "RETURNDATACOPY", "EXTCODEHASH",
            "BLOCKHASH", "COINBASE", "TIMESTAMP", "NUMBER", "DIFFICULTY", "GASLIMIT", "CHAINID", "SELFBALANCE", "BASEFEE", "BLOBHASH", "BLOBBASEFEE", "", "", "", "", "",
            "POP", "MLOAD", "MSTORE", "MSTORE8", "SLOAD", "SSTORE", "JUMP", "JUMPI", "PC", "MSIZE", "GAS", "JUMPDEST", "TLOAD", "TSTORE", "MCOPY", "PUSH0",
        ];
        for (var i = 0; i < low.Length; i++)
        {
            if (low[i].Length > 0)
            {
                names[i] = low[i];
            }
        }
        for (var i = 0x60; i <= 0x7f; i++)
        {
            names[i] = "PUSH";
        }
        for (var i = 0x80; i <= 0x8f; i++)
        {
            names[i] = "DUP";
        }
        for (var i = 0x90; i <= 0x9f; i++)
        {
            names[i] = "SWAP";
        }
        for (var i = 0xa0; i <= 0xa4; i++)
        {
            names[i] = "LOG";
        }
        string[] high = ["CREATE", "CALL", "CALLCODE", "RETURN", "DELEGATECALL", "CREATE2"];
        for (var i = 0; i < high.Length; i++)
        {
            names[0xf0 + i] = high[i];
        }
        names[0xfa] = "STATICCALL";
        names[0xfd] = "REVERT";
        names[0xff] = "SELFDESTRUCT";
        return names;
    }
}
