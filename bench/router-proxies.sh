#!/usr/bin/env bash
# Writes the nginx and HAProxy configurations bench/router.sh compares the Hoist router with.
#
#   bench/router-proxies.sh DIR WORKERS BACKEND_PORT NGINX_PORT HAPROXY_PORT
#
# Both keep connections to the backend alive and set the forwarding headers the router sets
# (X-Forwarded-For/-Proto/-Port, X-Request-ID, X-Request-Start, Via), so each does the same work.
set -euo pipefail
DIR=$1 WORKERS=$2 BACKEND=$3 NGINX=$4 HAPROXY=$5

cat >"$DIR/nginx.conf" <<CONF
worker_processes $WORKERS;
daemon off;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log $DIR/nginx-access.log combined buffer=64k flush=1s;
  client_body_temp_path $DIR/client_body;
  proxy_temp_path $DIR/proxy;
  fastcgi_temp_path $DIR/fastcgi;
  uwsgi_temp_path $DIR/uwsgi;
  scgi_temp_path $DIR/scgi;
  upstream backend {
    server 127.0.0.1:$BACKEND;
    keepalive 256;
  }
  server {
    listen 127.0.0.1:$NGINX;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto http;
      proxy_set_header X-Forwarded-Port \$server_port;
      proxy_set_header X-Request-ID \$request_id;
      proxy_set_header X-Request-Start \$msec;
      proxy_set_header Via "1.1 nginx";
    }
  }
}
CONF

cat >"$DIR/haproxy.cfg" <<CONF
global
  nbthread $WORKERS
  maxconn 4096
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  http-reuse always
  option forwardfor
frontend router
  bind 127.0.0.1:$HAPROXY
  unique-id-format %{+X}o%ci%cp%fp%Ts%rt%pid
  unique-id-header X-Request-ID
  http-request set-header X-Forwarded-Proto http
  http-request set-header X-Forwarded-Port %[dst_port]
  http-request set-header X-Request-Start %[date(0,ms)]
  http-request add-header Via "1.1 haproxy"
  default_backend dyno
backend dyno
  server web1 127.0.0.1:$BACKEND
CONF
