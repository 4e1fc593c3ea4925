from govdisclose.cli import main

main()
