"""Drives `fenci serve --stdio` with a real third-party JSON-RPC client: python-lsp-jsonrpc's
stream reader/writer (LSP Content-Length framing) and Endpoint (request/response matching).

Usage: python lsp_client.py /path/to/fenci
Prints one JSON object with what the server answered; exits non-zero on any protocol failure.
"""
import json
import subprocess
import sys
import threading

from pylsp_jsonrpc.endpoint import Endpoint
from pylsp_jsonrpc.exceptions import JsonRpcException
from pylsp_jsonrpc.streams import JsonRpcStreamReader, JsonRpcStreamWriter


def main() -> None:
    server = subprocess.Popen([sys.argv[1], "serve", "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    writer = JsonRpcStreamWriter(server.stdin)
    endpoint = Endpoint({}, writer.write)
    reader = JsonRpcStreamReader(server.stdout)
    threading.Thread(target=reader.listen, args=(endpoint.consume,), daemon=True).start()

    report = {}
    initialize = endpoint.request("initialize", {"positionEncodings": ["utf-16"], "clientInfo": {"name": "pylsp-jsonrpc"}}).result(timeout=60)
    report["positionEncoding"] = initialize["positionEncoding"]
    report["server"] = initialize["serverInfo"]["name"]
    endpoint.notify("initialized", {})
    tokens = endpoint.request("tokenize", {"text": "物联网创新促进中心"}).result(timeout=60)["tokens"]
    report["words"] = [token["text"] for token in tokens]
    report["offsets"] = [[token["start"], token["end"]] for token in tokens]
    try:
        endpoint.request("tokenize", {"text": "x", "mode": "nope"}).result(timeout=60)
        report["error"] = None
    except JsonRpcException as error:
        report["error"] = {"code": error.code, "data": error.data}
    endpoint.request("shutdown").result(timeout=60)
    endpoint.notify("exit")
    report["exitStatus"] = server.wait(timeout=60)
    reader.close()
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
