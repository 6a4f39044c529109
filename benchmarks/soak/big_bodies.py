# Memory soak: bodies of 1, 2, 4, 8 and 11 MiB at /mcp, a webhook route and the registry, N rounds, through the
# gateway of a running platform; prints each service's resident memory (MiB, both edge replicas summed) after each
# round. Usage: start the platform with its data in /tmp/soak (dotnet AppHost.dll --data-dir /tmp/soak --fresh
# --environment Development), then python3 benchmarks/soak/big_bodies.py 8
import json, os, subprocess, time, urllib.request, hmac, hashlib, sys
d = json.load(open('/tmp/soak/endpoints.json')); c = json.load(open('/tmp/soak/dev-credentials.json'))
gw = d['resources']['gateway']['urls'][0]
def req(method, path, body=None, headers={}):
    r = urllib.request.Request(gw + path, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(r, timeout=60) as resp: return resp.status, resp.read()
    except urllib.error.HTTPError as e: return e.code, e.read()
    except (urllib.error.URLError, ConnectionError) as e: return 0, b""
admin = {'Authorization': 'Bearer ' + c['adminKey'], 'Content-Type': 'application/json'}
s, b = req('POST', '/api/registry/spaces', json.dumps({'slug': 'soak' + str(int(time.time())), 'name': 'Soak'}).encode(), admin)
space = json.loads(b)['id']
s, b = req('POST', '/api/webhooks/routes', json.dumps({'slug': 'soak' + str(int(time.time())), 'scheme': 'hmac-sha256', 'secret': 'soak-secret-0123456789abcdef', 'spaceId': space, 'maxPayloadBytes': 1048576}).encode(), admin)
path = json.loads(b)['route']['path']
def rss():
    out = {}
    ps = subprocess.run(['ps', '-eo', 'rss,args'], capture_output=True, text=True).stdout.splitlines()
    for name in ['Gateway', 'McpEdge', 'WebhookIngress', 'IntegrationRegistry', 'AuditWriter']:
        out[name] = sum(int(l.split()[0]) // 1024 for l in ps if f'/{name}.dll' in l)
    return out
print('idle start', rss(), flush=True)
sizes = [1, 2, 4, 8, 11]
for round in range(1, int(sys.argv[1]) + 1):
    for mb in sizes:
        body = b'{"data":"' + b'x' * (mb * 1024 * 1024) + b'"}'
        req('POST', '/mcp', body, {'Authorization': 'Bearer ' + c['agentToken'], 'Content-Type': 'application/json', 'Accept': 'application/json, text/event-stream'})
        sig = 'sha256=' + hmac.new(b'soak-secret-0123456789abcdef', body, hashlib.sha256).hexdigest()
        req('POST', path, body, {'Content-Type': 'application/json', 'X-Signature-256': sig})
        req('POST', '/api/registry/spaces', body, admin)
    time.sleep(3)
    print('after round', round, rss(), flush=True)
