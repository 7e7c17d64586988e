/*
 * The floor of checking a tree for changes without a file watcher: list every directory and stat every
 * entry (fstatat relative to the open directory, as same's walk does), nothing else, on N threads that
 * share the top-level directories. Prints the median of RUNS runs.
 *
 * Built and run by hash-vs-sha256sum.sh: cc -O2 -pthread stat-floor.c -o stat-floor
 * Usage: stat-floor DIR THREADS RUNS
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char **tops;
static int top_count;
static int next_top;
static long entries;

static int is_dot(const char *name) {
    return name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0));
}

static void walk(int dir_fd) {
    DIR *dir = fdopendir(dir_fd);
    if (!dir) { close(dir_fd); return; }
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (is_dot(entry->d_name)) continue;
        struct stat st;
        if (fstatat(dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        __atomic_add_fetch(&entries, 1, __ATOMIC_RELAXED);
        if (S_ISDIR(st.st_mode)) {
            int child = openat(dir_fd, entry->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (child >= 0) walk(child);
        }
    }
    closedir(dir);
}

static void *worker(void *root) {
    int root_fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    for (int i; (i = __atomic_fetch_add(&next_top, 1, __ATOMIC_RELAXED)) < top_count; ) {
        struct stat st;
        if (fstatat(root_fd, tops[i], &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        __atomic_add_fetch(&entries, 1, __ATOMIC_RELAXED);
        if (S_ISDIR(st.st_mode)) walk(openat(root_fd, tops[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    }
    close(root_fd);
    return NULL;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s DIR THREADS RUNS\n", argv[0]); return 2; }
    int threads = atoi(argv[2]), runs = atoi(argv[3]);
    DIR *root = opendir(argv[1]);
    if (!root || threads < 1 || threads > 64 || runs < 1) { fprintf(stderr, "bad arguments\n"); return 2; }
    tops = calloc(4096, sizeof *tops);
    for (struct dirent *e; (e = readdir(root)) && top_count < 4096; )
        if (!is_dot(e->d_name)) tops[top_count++] = strdup(e->d_name);
    closedir(root);

    double *ms = calloc(runs, sizeof *ms);
    for (int r = 0; r < runs; r++) {
        struct timespec t0, t1;
        pthread_t ids[64];
        entries = 0;
        next_top = 0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, worker, argv[1]);
        for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        ms[r] = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    }
    char runs_text[4096] = "";
    for (int r = 0; r < runs && strlen(runs_text) < 4000; r++)
        snprintf(runs_text + strlen(runs_text), sizeof runs_text - strlen(runs_text), "%s%.0f", r ? " " : "", ms[r]);
    qsort(ms, runs, sizeof *ms, by_value);
    printf("median %5.0f ms  (runs: %s; %ld entries)\n", ms[(runs - 1) / 2], runs_text, entries);
    return 0;
}
