#!/usr/bin/env bash
# test-fsimage.sh - end-to-end tests of the fsimage command line: mkfs from a host tree, fsck, ls, get, put,
# mkdir, rm, update-kernel, sync-tree, --help and bad usage, then deliberately damaged images (each must be
# reported with the right exit status and message, never a crash).
#
# Usage: test-fsimage.sh FSIMAGE WORKDIR. One PASS/FAIL line per case, a summary, exit 1 if any failed.
# Invariants: works only inside WORKDIR (recreated); damage is done by python3 on copies of a good image.
set -u
F=$(realpath "${1:?usage: test-fsimage.sh FSIMAGE WORKDIR}")
W=${2:?usage: test-fsimage.sh FSIMAGE WORKDIR}
rm -rf "$W" && mkdir -p "$W" || exit 2
cd "$W" || exit 2
pass=0 fail=0
ok()  { echo "PASS fsimage: $1"; pass=$((pass + 1)); }
bad() { echo "FAIL fsimage: $1"; fail=$((fail + 1)); }
# expect NAME STATUS PATTERN CMD...: CMD exits with STATUS and its output matches PATTERN (grep -E)
expect() {
    local name=$1 want=$2 pat=$3; shift 3
    "$@" > out.txt 2>&1; local got=$?
    if [ $got -eq "$want" ] && { [ -z "$pat" ] || grep -qE -- "$pat" out.txt; }; then ok "$name"
    else bad "$name (status $got, want $want; output: $(head -c 300 out.txt | tr '\n' '|'))"; fi
}

# ---- a host tree and a kernel ----
mkdir -p root/bin root/home/user/docs root/empty-dir
head -c 150000 /dev/urandom > kernel.bin
head -c 700000 /dev/urandom > root/bin/big
echo hello > root/home/user/hello.txt
: > root/home/user/empty
for i in $(seq 1 40); do echo "file $i" > root/home/user/docs/f$i; done

expect "mkfs" 0 "copied 43 files" "$F" mkfs disk.img --size 16 --kernel kernel.bin --root root --time 1700000000
expect "fsck clean" 0 "clean \(0 problems\)" "$F" fsck disk.img
expect "fsck -q" 0 "" "$F" fsck disk.img -q
expect "ls /" 0 "^bin/$" "$F" ls disk.img
expect "ls -l" 0 "^- +[0-9]+ +1 +6 2023-11-14 22:13 hello.txt$" "$F" ls disk.img /home/user -l
expect "ls missing" 1 "No such file" "$F" ls disk.img /nope
"$F" get disk.img /bin/big got.big && cmp -s got.big root/bin/big && ok "get big file" || bad "get big file"
expect "get to stdout" 0 "^hello$" "$F" get disk.img /home/user/hello.txt -
expect "get a directory" 1 "Is a directory" "$F" get disk.img /bin got.dir
head -c 300000 /dev/urandom > new.bin
"$F" put disk.img new.bin /home/user/new.bin && "$F" get disk.img /home/user/new.bin got.new && cmp -s new.bin got.new \
    && ok "put new file" || bad "put new file"
head -c 5000 /dev/urandom > new.bin
"$F" put disk.img new.bin /home/user/new.bin && "$F" get disk.img /home/user/new.bin got.new && cmp -s new.bin got.new \
    && ok "put replaces" || bad "put replaces"
expect "put into missing dir" 1 "No such file" "$F" put disk.img new.bin /no/where
expect "mkdir" 0 "" "$F" mkdir disk.img /tmp
expect "mkdir exists" 1 "File exists" "$F" mkdir disk.img /tmp
expect "mkdir -p" 0 "" "$F" mkdir disk.img /x/y/z -p
expect "rm non-empty dir" 1 "use -r" "$F" rm disk.img /x
expect "rm -r" 0 "" "$F" rm disk.img /x -r
expect "rm file" 0 "" "$F" rm disk.img /home/user/empty
expect "rm missing" 1 "No such file" "$F" rm disk.img /home/user/empty
expect "fsck after edits" 0 "clean" "$F" fsck disk.img

# sync-tree: replaces changed files, keeps identical ones and the image's own files
echo "user data" > user.txt && "$F" put disk.img user.txt /bin/user-file
echo changed > root/home/user/hello.txt
mkdir -p root/bin/sub && echo new > root/bin/sub/n
expect "sync-tree" 0 "3 files written .* 41 unchanged, 1 directories created" "$F" sync-tree disk.img root /
expect "sync-tree result" 0 "^changed$" "$F" get disk.img /home/user/hello.txt -
expect "sync-tree keeps user files" 0 "^user data$" "$F" get disk.img /bin/user-file -
expect "sync-tree into new dir" 0 "directories created" "$F" sync-tree disk.img root/home /backup/home
expect "fsck after sync-tree" 0 "clean" "$F" fsck disk.img

# update-kernel
head -c 200000 /dev/urandom > kernel2.bin
expect "update-kernel" 0 "200000 bytes" "$F" update-kernel disk.img kernel2.bin
expect "fsck after update-kernel" 0 "kernel 200000 bytes" "$F" fsck disk.img
dd if=disk.img of=k.out bs=512 skip=8 count=391 status=none; head -c 200000 k.out | cmp -s - kernel2.bin \
    && ok "kernel bytes in place" || bad "kernel bytes in place"
head -c $((6 * 1024 * 1024)) /dev/zero > huge-kernel.bin
expect "update-kernel too big" 1 "room for" "$F" update-kernel disk.img huge-kernel.bin
expect "image intact after refused update" 0 "clean" "$F" fsck disk.img

# command line
expect "--help" 0 "Commands:" "$F" --help
for c in mkfs fsck info ls get put mkdir rm update-kernel sync-tree; do
    expect "$c --help" 0 "^Usage: fsimage $c" "$F" $c --help
done
expect "no command" 2 "Usage" "$F"
expect "unknown command" 2 "unknown command" "$F" frobnicate
expect "unknown option" 2 "unknown option" "$F" ls disk.img --frob
expect "missing argument" 2 "missing argument" "$F" get disk.img
expect "bad number" 2 "wants a number" "$F" mkfs x.img --size lots
expect "no size" 2 "--size" "$F" mkfs x.img
expect "missing image" 2 "cannot open" "$F" ls nope.img
expect "mkfs too small" 1 "too small" "$F" mkfs x.img --size 2 --kernel huge-kernel.bin
expect "mkfs without kernel" 0 "kernel 0 bytes" "$F" mkfs small.img --size 2 --kernel-reserve 0
expect "info" 0 "blocks: +[0-9]+ of 1024 bytes" "$F" info disk.img

# ---- damaged images: each one reported, no crash (status < 128) ----
# damage NAME PYTHON: run a python snippet with variables img (bytearray), fs (byte offset of the file system),
# sb (dict of superblock fields), blk(n) (offset of block n), u32/put32 helpers; writes damaged.img
damage() {
    python3 - "$1" <<EOF
import struct, sys
img = bytearray(open("disk.img", "rb").read())
fs = struct.unpack_from("<I", img, 24)[0] * 512
names = "magic version nblocks ninodes log_start log_blocks inode_start inode_blocks bmap_start bmap_blocks data_start crc32".split()
sb = dict(zip(names, struct.unpack_from("<12I", img, fs)))
def blk(n): return fs + n * 1024
def u32(off): return struct.unpack_from("<I", img, off)[0]
def put32(off, v): struct.pack_into("<I", img, off, v)
def inode(i): return blk(sb["inode_start"] + i // 8) + (i % 8) * 128
def dirent(dirino, k): return blk(u32(inode(dirino) + 16)) + 64 * k
def find(dirino, name):
    for k in range(16):
        o = dirent(dirino, k)
        if img[o + 4:o + 4 + len(name) + 1] == name.encode() + b"\0": return u32(o)
$2
open(sys.argv[1], "wb").write(img)
EOF
}
# check NAME STATUS PATTERN: fsck the damaged image, then make sure ls/get do not crash on it either
check() {
    expect "damage: $1" "$2" "$3" "$F" fsck damaged.img
    for cmd in "ls damaged.img -l" "get damaged.img /bin/big /dev/null" "ls damaged.img /home/user"; do
        $F $cmd > /dev/null 2>&1; s=$?
        [ $s -lt 128 ] || bad "damage: $1: fsimage $cmd crashed (status $s)"
    done
}
damage damaged.img 'img[:] = img[:len(img) // 2]';                         check "truncated image" 2 "image truncated|partition holds only"
damage damaged.img 'img[0:512] = bytes(512)';                              check "no disk header" 2 "not an Iridium disk image"
damage damaged.img 'img[20] ^= 1';                                         check "disk header CRC" 2 "disk header CRC mismatch"
damage damaged.img 'img[8 * 512 + 100] ^= 0xff';                           check "kernel corrupted" 1 "kernel image CRC mismatch"
damage damaged.img 'put32(fs, 0x12345678)';                                check "superblock magic" 2 "bad magic"
damage damaged.img 'put32(fs + 12, sb["ninodes"] + 8)';                    check "superblock field" 2 "superblock: CRC mismatch"
damage damaged.img 'b = u32(inode(find(1, "bin")) + 16); img[blk(sb["bmap_start"]) + b // 8] &= ~(1 << (b % 8)) & 0xff'
check "bitmap: used block marked free" 1 "referenced by inode [0-9]+ but marked free"
damage damaged.img 'b = sb["nblocks"] - 5; img[blk(sb["bmap_start"]) + b // 8] |= 1 << (b % 8)'
check "bitmap: leaked block" 1 "leaked"
damage damaged.img 'i = inode(find(1, "empty-dir")); img[i + 2] = 7'
check "wrong nlink" 1 "nlink 7 but 2 directory entries"
damage damaged.img 'put32(dirent(1, 2), sb["ninodes"] - 3)'
check "entry names a free inode" 1 "which is free"
damage damaged.img 'put32(dirent(1, 2), 0xfffffff0)'
check "entry inode out of range" 1 "out of range"
damage damaged.img 'a = inode(find(1, "bin")); h = inode(find(find(1, "home"), "user")); put32(h + 16, u32(a + 16))'
check "block shared by two inodes" 1 "referenced by inode [0-9]+ and by inode"
damage damaged.img 'put32(dirent(1, 0), 5)'
check "bad . entry" 1 "entry 0 should be"
damage damaged.img 'i = inode(find(1, "bin")); put32(i + 4, 100)'
check "mapped blocks past size" 1 "past the end"
damage damaged.img 'i = inode(find(1, "bin")); put32(i + 16, 3)'
check "pointer into metadata" 1 "outside the data region"
damage damaged.img 'i = inode(find(1, "bin")); put32(i, 9)'
check "invalid inode type" 1 "invalid type"
damage damaged.img 'o = dirent(1, 3); img[o + 4:o + 64] = b"x/y" + bytes(57)'
check "name with a slash" 1 "invalid name"
damage damaged.img 'u = find(find(1, "home"), "user"); put32(dirent(u, 1), u)'
check "bad .. entry" 1 "entry 1 should be"
damage damaged.img 'h = find(1, "home"); o = dirent(h, 3); put32(o, h); img[o + 4:o + 8] = b"loop"; put32(inode(h) + 4, 256)'
check "directory loop" 1 "already reached"
damage damaged.img 'put32(blk(1), 0x474F4C49); put32(blk(1) + 8, 3)'
check "torn log header" 0 "log header invalid"
: > damaged.img; check "empty file" 2 "too small"
head -c 4096 /dev/urandom > damaged.img; check "random bytes" 2 "not an Iridium disk image"

echo "fsimage: $pass passed, $fail failed"
[ $fail -eq 0 ]
